"""Accounts stand alone: every role (resident, editor, host, moderator) is one user, identified by
email. Sign-up, login and the profile of a resident live here, apart from the content apps."""

"""Notifications stand alone: follows, deliveries and digests serve every content app alike,
through Wagtail's page-published signal, so no content app needs to know about email."""

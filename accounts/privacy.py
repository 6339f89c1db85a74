"""The account itself, and what Django, Wagtail and allauth keep about a user.

The account's own data is in the download (accounts.services.export_user_data). The models of
the libraries below link to a user; deleting the account does to each what is said here (the
foreign key's on_delete), so no name or email address of the person stays behind.
"""

PERSONAL_DATA = {
    "accounts.user": "deleted",
    "account.emailaddress": "deleted with the account",
    "admin.logentry": "deleted with the account",
    "wagtailusers.userprofile": "deleted with the account",
    "wagtailadmin.editingsession": "deleted with the account",
    "wagtailadmin.formstate": "deleted with the account",
    "wagtailcore.apitoken": "deleted with the account",
    "wagtailcore.comment": "deleted with the account (editors' comments in the admin)",
    "wagtailcore.commentreply": "deleted with the account",
    "wagtailcore.pagesubscription": "deleted with the account",
    "wagtailcore.page": "kept, without owner and lock: published content, not the person's",
    "wagtailcore.revision": "kept, without author",
    "wagtailcore.workflowstate": "kept, without who asked for approval",
    "wagtailcore.taskstate": "kept, without who approved",
    "wagtailcore.pagelogentry": "kept as the audit log, by user id only: no name or address",
    "wagtailcore.modellogentry": "kept as the audit log, by user id only: no name or address",
    "wagtailcore.uploadedfile": "kept, without uploader",
    "wagtailimages.image": "kept, without uploader",
    "wagtaildocs.document": "kept, without uploader",
    "wagtailembeds.embed": "not personal: the author of an embedded video or post",
    "wagtailcore.site": "not personal: a site's name",
    "wagtailcore.collection": "not personal: a collection's name",
    "wagtailcore.workflow": "not personal: a workflow's name",
    "wagtailcore.task": "not personal: a workflow task's name",
    "wagtailcore.groupapprovaltask": "not personal: a workflow task's name",
    "auth.group": "not personal: a group's name",
    "auth.permission": "not personal: a permission's name",
    "taggit.tag": "not personal: a tag",
}

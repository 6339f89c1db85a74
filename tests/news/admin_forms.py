"""Posting the Wagtail page editor's form as a browser would, for tests of the admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def news_form_data(*, title, slug, intro="Een kort bericht uit de buurt.", action=None, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "nieuws",
            "intro": intro,
            "author_name": "Redactie Pottenberg",
            "body": streamfield([("paragraph", rich_text("<p>De buren komen samen.</p>"))]),
            "comments": inline_formset([]),
            **extra,
        }
    )
    if action:
        data[f"action-{action}"] = action
    return data


def add_url(index):
    return f"/beheer/pages/add/news/newspage/{index.pk}/"

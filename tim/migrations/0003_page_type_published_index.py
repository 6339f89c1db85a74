"""An index on Wagtail's page table for "the newest pages of one type".

The newest news (feeds, lists, the API) is ordered by first_published_at, which lives on
wagtailcore_page. With only Wagtail's own index, PostgreSQL walks back through every newer page
of any type (activities, places) to find thirty news items: thousands of rows at city size. With
the content type first, it reads just the thirty. Wagtail owns the table, so the index is plain SQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tim", "0002_themes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS tim_page_type_published"
            " ON wagtailcore_page (content_type_id, first_published_at, id)",
            "DROP INDEX IF EXISTS tim_page_type_published",
        )
    ]

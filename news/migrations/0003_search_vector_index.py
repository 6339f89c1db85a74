"""A GIN index on the search vector that Wagtail's PostgreSQL backend filters on.

Wagtail's database backend matches `(title || body) @@ query` on its index entries, but ships
GIN indexes on `title` and `body` apart only, so every search read the whole table. This is the
index on the very expression the query filters on (news.search relies on it).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_citynewsindexpage_newspage"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE INDEX IF NOT EXISTS news_search_title_body_gin "
                "ON wagtailsearch_indexentry USING gin ((title || body))",
                "ANALYZE wagtailsearch_indexentry",
            ],
            reverse_sql="DROP INDEX IF EXISTS news_search_title_body_gin",
        ),
    ]

"""News keeps no personal data of residents: the author line is what the editor published."""

PERSONAL_DATA = {
    "news.newspage": "kept: the author line is part of the published article; editors change it",
}

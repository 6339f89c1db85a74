"""The social-base dashboard keeps figures per buurt, never about a person."""

PERSONAL_DATA = {
    "socialbase.indicator": "not personal: the name of a figure about a buurt",
}

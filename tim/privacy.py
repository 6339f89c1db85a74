"""What the shared models keep about a person: only who uploaded an image."""

PERSONAL_DATA = {
    "tim.timimage": "kept, without uploader",
    "tim.theme": "not personal: a theme's name",
}

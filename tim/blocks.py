"""StreamField blocks shared by every page type that has a body, kept small and safe on purpose."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/blocks/paragraph_block.html"


class LabelledCharBlock(blocks.CharBlock):
    """A one-line text block whose input carries its label for screen readers (aria-label).

    As the only field of a StreamField child, Wagtail shows the block's label as the child's
    heading, not as a <label> of the input: axe reports an input without a name (critical).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["aria-label"] = self.label


class HeadingBlock(LabelledCharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"
        help_text = _("A short heading above a part of the text.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label=_("image"), help_text=_("The alt text of the image is read out to blind visitors.")
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("who said it"), required=False, help_text=_("For example: 'Jamie, 7 years old'.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    url = blocks.URLBlock(label=_("or a web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action_block.html"

    def clean(self, value):
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give a web address."))}
            )
        return super().clean(value)


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

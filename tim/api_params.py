"""The API's query parameters, read by a Django form before Wagtail's API sees them.

Wagtail checks that a parameter is known, but hands some values on unread: an offset beyond
bigint reached PostgreSQL, `search_operator=xor` the search backend, `latitude=noord` a decimal
lookup. Each of those was a 500. `StrictQueryMixin` answers them with Wagtail's own 400
(`{"message": ...}`) and leaves the rest (unknown fields, ordering, types) to Wagtail.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

from .params import BIGINT_MAX, StrictIntegerField

TEXT_LIMIT = 255  # a search, an ordering, a type or a slug: longer is not a question we answer


class PageOrRootField(StrictIntegerField):
    """`child_of` and `descendant_of` take a page id or the word "root"."""

    def to_python(self, value):
        return value if value == "root" else super().to_python(value)

    def validate(self, value):
        if value != "root":
            super().validate(value)

    def run_validators(self, value):
        if value != "root":
            super().run_validators(value)


class ModelValueField(forms.Field):
    """A filter on a model field (`?latitude=50.85`): what the field itself can read, or an error.

    Booleans and tags are left out: Wagtail reads those itself and answers 400 for what it cannot.
    """

    def __init__(self, model_field, **kwargs):
        self.model_field = model_field.target_field if model_field.is_relation else model_field
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = self.model_field.to_python(value)
        self.model_field.run_validators(value)
        return value


class APIQueryForm(forms.Form):
    limit = StrictIntegerField(required=False, min_value=0)
    offset = StrictIntegerField(required=False, min_value=0, max_value=BIGINT_MAX // 2)
    search = forms.CharField(required=False, max_length=TEXT_LIMIT)
    search_operator = forms.ChoiceField(required=False, choices=[("and", "and"), ("or", "or")])
    order = forms.CharField(required=False, max_length=TEXT_LIMIT)
    fields = forms.CharField(required=False, max_length=2 * TEXT_LIMIT)
    type = forms.CharField(required=False, max_length=TEXT_LIMIT)
    id = StrictIntegerField(required=False, min_value=0)
    child_of = PageOrRootField(required=False, min_value=0)
    descendant_of = PageOrRootField(required=False, min_value=0)
    ancestor_of = StrictIntegerField(required=False, min_value=0)
    translation_of = StrictIntegerField(required=False, min_value=0)
    html_path = forms.CharField(required=False, max_length=8 * TEXT_LIMIT)
    locale = forms.CharField(required=False, max_length=TEXT_LIMIT)
    rich_text_format = forms.CharField(required=False, max_length=TEXT_LIMIT)
    buurt = forms.CharField(required=False, max_length=TEXT_LIMIT)
    status = forms.CharField(required=False, max_length=TEXT_LIMIT)

    def __init__(self, data, *, filter_fields=()):
        super().__init__(data)
        for model_field in filter_fields:
            if model_field.name not in self.fields and not isinstance(
                model_field, models.BooleanField | TaggableManager
            ):
                self.fields[model_field.name] = ModelValueField(model_field)

    def message(self) -> str:
        return "; ".join(
            f"{name}: {message}" for name, messages in self.errors.items() for message in messages
        )


class StrictQueryMixin:
    """For a Wagtail API viewset: the query is read by APIQueryForm before any view runs."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        form = APIQueryForm(request.GET, filter_fields=self._filter_fields(request))
        if not form.is_valid():
            raise BadRequestError(form.message())

    def _filter_fields(self, request):
        """The model fields this endpoint filters on that the query names."""
        model = self.get_queryset().model
        names = set(self.get_available_fields(model, db_fields_only=True)) & set(request.GET)
        fields = []
        for name in sorted(names):
            try:
                fields.append(model._meta.get_field(name))
            except FieldDoesNotExist:
                continue  # an API field of the same name that is no column: Wagtail's to read
        return fields

"""Choice widgets that render their options in Python rather than one template per option.

The filter panels carry the 250-country list (twice on the enterprises page) and a dozen
checkbox groups; rendered option by option through templates they took about half of a list
page's server time. The markup is the same as Django's own widgets produce.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


def _selected_values(widget, value):
    return {str(v) for v in widget.format_value(value)}


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = _selected_values(self, value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, " selected" if str(option) in selected else "", label)
                for option, label in self.choices
            ),
        )
        attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), options)


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def render(self, name, value, attrs=None, renderer=None):
        selected = _selected_values(self, value)
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.pop("id", None)
        boxes = format_html_join(
            "\n",
            '<div><label{}><input type="checkbox" name="{}" value="{}"{}{}>{}</label></div>',
            (
                (
                    flatatt({"for": f"{base_id}_{index}"}) if base_id else "",
                    name,
                    option,
                    flatatt({"id": f"{base_id}_{index}"}) if base_id else "",
                    " checked" if str(option) in selected else "",
                    label,
                )
                for index, (option, label) in enumerate(self.choices)
            ),
        )
        return format_html("<div{}>{}</div>", flatatt({"id": base_id} if base_id else {}), boxes)

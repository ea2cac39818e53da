"""Template filters of the archive: links out to the UN's own document system."""
from urllib.parse import quote

from django import template

register = template.Library()
UN_DOCUMENTS = "https://docs.un.org/en/"


@register.filter
def un_document_url(symbol):
    """'S/2023/1067' -> the document on docs.un.org, in English."""
    return UN_DOCUMENTS + quote(symbol, safe="/().")


@register.filter
def words(text):
    """'csv json' -> ['csv', 'json'], for lists written in templates."""
    return text.split()


@register.filter
def as_of(country, year):
    """A State's name as the records of that year printed it: 'Zaire' in 1995, 'Yugoslavia' always."""
    return country.name_in(year) if country else ""

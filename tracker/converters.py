"""What a URL may hold where it names a dossier, a Kamerstuk, a feed token or a decision: anything else is a 404,
before a view or the database sees it."""

from django.urls import register_converter

_PART = r"[0-9A-Za-z]+"


class DossierConverter:
    regex = rf"{_PART}(?:-{_PART})*"  # 27925, 36200-X, 21501-02

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class KamerstukConverter(DossierConverter):
    regex = rf"{_PART}(?:-{_PART})+"  # a dossier and a number: 27925-960, 36200-X-85


class TokenConverter(DossierConverter):
    regex = r"[0-9A-Za-z_-]+"  # secrets.token_urlsafe


class DecisionConverter(DossierConverter):
    regex = r"accept|reject"  # what a clerk can decide on a candidate in the review queue


register_converter(DossierConverter, "dossier")
register_converter(KamerstukConverter, "kamerstuk")
register_converter(TokenConverter, "token")
register_converter(DecisionConverter, "decision")

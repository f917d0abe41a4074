"""Errors users can act on. Each message starts with a code, as spaCy's do."""


class VnPartnerError(ValueError):
    """Raised for bad input: the message says what is wrong and what to do."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"[{code}] {message}")


class AnnotationError(VnPartnerError):
    """A record of an annotation file breaks the schema (file, line and span named)."""

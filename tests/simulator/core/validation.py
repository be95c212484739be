"""Collect field violations, then answer them all in one 400."""

from .errors import invalid_argument


class Violations:
    def __init__(self):
        self.items = []

    def add(self, field, description):
        self.items.append((field, description))

    def raise_if_any(self):
        if self.items:
            raise invalid_argument(self.items)

    def check_fields(self, body, allowed, prefix=""):
        """Unknown fields are an error, as in the real (protobuf JSON) API."""
        for name in body:
            if name not in allowed:
                self.add(f"{prefix}{name}", "unknown field")

    def optional_string(self, body, name, prefix=""):
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            self.add(f"{prefix}{name}", "must be a string")
            return None
        return value


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)

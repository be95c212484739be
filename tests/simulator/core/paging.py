"""Cursor pagination: a page token names the last item handed out, so pages stay stable
while numbers are added or released between requests."""

import base64
import binascii
import json
from bisect import bisect_right

from .errors import invalid_argument


def encode_token(order_by, last_key):
    raw = json.dumps({"o": order_by, "k": last_key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token, order_by, example_key):
    """The key after which the next page starts; 400 for a token that is not ours.

    example_key is any key of this ordering: the token's key must have the same shape.
    """
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data["o"] == order_by and _same_shape(data["k"], example_key):
            return data["k"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        pass
    raise invalid_argument([("pageToken", "invalid page token (or a token from a listing with another orderBy)")])


def take_page(items, key_of, cursor, page_size, matches=None):
    """Up to page_size matching items after cursor from items sorted by key_of.

    Returns (page, has_more).
    """
    start = 0 if cursor is None else bisect_right(items, cursor, key=key_of)
    page = []
    for index in range(start, len(items)):
        item = items[index]
        if matches is not None and not matches(item):
            continue
        if len(page) == page_size:
            return page, True
        page.append(item)
    return page, False


def count_matching(items, matches=None):
    if matches is None:
        return len(items)
    return sum(1 for item in items if matches(item))


def _same_shape(key, example):
    if isinstance(example, list):
        return isinstance(key, list) and len(key) == len(example) and all(map(_same_shape, key, example))
    return isinstance(key, type(example))

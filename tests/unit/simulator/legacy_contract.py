"""Check the simulator's legacy endpoints against specs/legacy-number-administration.md.

That document is not OpenAPI: each endpoint is a "## " section whose Request, Response and
Error Codes blocks list the method, the URL, typed fields ("string - password",
"integer? - expiresIn", "[Number]" blocks, "Number[]" for arrays) and the error codes. This
module parses those blocks into JSON schemas, so the checks follow the copied document and
cannot drift from it. Responses are strict: every field the document does not mark
optional ("?") is required, and no other field is allowed.

Added here, because the document uses them without defining them:
- Money: {amount, currencyId} (the Sinch REST types page);
- User: the user object of the log-in answer (its example: id, identities, profile).
Deviations, each with its reason:
- Error bodies are the Sinch REST error shape {errorCode, message, reference}, and the codes
  every endpoint may answer besides its own list are parameter validation (40001/40002) and
  the authorization ones (401xx, 40301), which the document leaves to the REST page.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema

SPEC_PATH = Path(__file__).resolve().parents[2] / "simulator" / "specs" / "legacy-number-administration.md"

MONEY = {
    "type": "object",
    "required": ["amount", "currencyId"],
    "additionalProperties": False,
    "properties": {"amount": {"type": "number"}, "currencyId": {"type": "string"}},
}
USER = {
    "type": "object",
    "required": ["id", "identities", "profile"],
    "properties": {
        "id": {"type": "integer"},
        "identities": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "endpoint"],
                "properties": {"type": {"type": "string"}, "endpoint": {"type": "string"}},
            },
        },
        "profile": {"type": "object"},
    },
}
SCALARS = {
    "string": {"type": "string"},
    "int": {"type": "integer"},
    "integer": {"type": "integer"},
    "long": {"type": "integer"},
    "byte[]": {"type": "string", "pattern": r"^[A-Za-z0-9+/]+={0,2}$"},
    "string[]": {"type": "array", "items": {"type": "string"}},
    "long[]": {"type": "array", "items": {"type": "integer"}},
    "Money": MONEY,
    "User": USER,
}
GENERAL_ERROR_CODES = {40001, 40002, 40100, 40101, 40102, 40105, 40108, 40301}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["errorCode", "message", "reference"],
    "additionalProperties": False,
    "properties": {
        "errorCode": {"type": "integer"},
        "message": {"type": "string"},
        "reference": {"type": "string"},
    },
}

_FIELD = re.compile(r"^\s*(\S+)\s+-\s+(\w+)\s*$")
_BLOCK = re.compile(r"^\s*\[(\w[\w ]*)\]\s*$")
_FENCE = re.compile(r"```\n(.*?)```", re.S)


@dataclass
class Operation:
    title: str
    method: str
    host: str
    template: str
    regex: re.Pattern
    request_schema: dict
    response_schema: dict
    no_content: bool
    error_codes: set


class ContractViolation(AssertionError):
    pass


def parse_types(block):
    """{block name: [(type, field)]}; fields before any [Name] are under ''."""
    types = {"": []}
    current = ""
    for line in block.splitlines():
        if line.strip() == "eg:":
            current = None
            continue
        match = _BLOCK.match(line)
        if match:
            current = match.group(1)
            types[current] = []
            continue
        match = _FIELD.match(line)
        if match and current is not None:
            types[current].append((match.group(1), match.group(2)))
    return types


def schema_for(type_name, types):
    optional = type_name.endswith("?")
    name = type_name.rstrip("?")
    if name in SCALARS:
        schema = dict(SCALARS[name])
    elif name in types:
        schema = object_schema(types[name], types)
    else:
        raise ValueError(f"the document uses type {name!r} without defining it")
    if optional:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema, optional


def object_schema(fields, types):
    properties, required = {}, []
    for type_name, field in fields:
        properties[field], optional = schema_for(type_name, types)
        if not optional:
            required.append(field)
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _sections(text):
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title, _newline, body = section.partition("\n")
        parts = {}
        for part in re.split(r"^### ", body, flags=re.M)[1:]:
            name, _newline, content = part.partition("\n")
            fence = _FENCE.search(content)
            if fence:
                parts[name.strip().lower()] = fence.group(1)
        yield title.strip(), parts


def _operation(title, parts):
    request = parts["request"]
    method = re.search(r"^\[(GET|POST|PUT|DELETE)\]", request, re.M).group(1)
    url = re.search(r"^URL:\s*\n(\S+)", request, re.M).group(1)
    split = urlsplit(url)
    request_types = parse_types(request)
    body_fields = request_types.get("body") or []
    request_schema = object_schema(body_fields, request_types) if body_fields else None

    response = parts["response"]
    response_types = parse_types(response)
    no_content = re.match(r"\s*204\b", response) is not None
    array = re.search(r"^(\w+)\[\]\s*$", response, re.M)
    if no_content:
        response_schema = None
    elif array:
        response_schema = {"type": "array", "items": object_schema(response_types[array.group(1)], response_types)}
    elif response_types[""]:
        response_schema = object_schema(response_types[""], response_types)
    else:
        named = [name for name in response_types if name]
        response_schema = object_schema(response_types[named[0]], response_types)

    codes = {int(code) for code in re.findall(r"\((\d{5})\)", parts.get("error codes", ""))}
    pattern = "[^/]+".join(re.escape(piece) for piece in re.split(r"\{\w+\}", split.path))
    return Operation(title, method, split.netloc, split.path, re.compile(f"^{pattern}$"),
                     request_schema, response_schema, no_content, codes)


def load_operations():
    text = SPEC_PATH.read_text(encoding="utf-8")
    return [_operation(title, parts) for title, parts in _sections(text) if "request" in parts]


@dataclass
class SignedExample:
    """A worked example of an instance-signed request, as the document writes it."""

    title: str
    method: str
    path: str
    body: bytes
    instance_id: str
    secret: str
    stamp: str
    signature: str


def signed_examples():
    """Every "Authorization: Instance <id>:<signature>" example of the document, with its request:
    the example URL's path, the example body compacted ("{}" for an empty one means no body), and
    the instance secret of the document's instance example."""
    text = SPEC_PATH.read_text(encoding="utf-8")
    secret = re.search(r'"secret":"([^"]+)"', text).group(1)
    examples = []
    for title, parts in _sections(text):
        signed = re.search(r"^Authorization: Instance ([\w-]+):(\S+)\s*\nX-Timestamp: (\S+)",
                           parts.get("headers", ""), re.M)
        if not signed:
            continue
        request = parts["request"]
        method = re.search(r"^\[(GET|POST|PUT|DELETE)\]", request, re.M).group(1)
        url = [url for url in re.findall(r"^(https://\S+)", request, re.M) if "{" not in url][-1]
        body_example = request.rpartition("eg:")[2].strip()
        body = json.loads(body_example)
        data = json.dumps(body, separators=(",", ":")).encode() if body else b""
        examples.append(SignedExample(title, method, urlsplit(url).path, data, signed.group(1), secret,
                                      signed.group(3), signed.group(2)))
    return examples


class LegacyContract:
    def __init__(self):
        self.operations = load_operations()
        self.checked = set()

    def find(self, method, path):
        matches = [op for op in self.operations if op.method == method and op.regex.match(path)]
        if len(matches) != 1:
            raise ContractViolation(f"{method} {path} matches {len(matches)} operations of the document")
        return matches[0]

    def check(self, response):
        """Validate a requests.Response and its request; returns the operation's title."""
        request = response.request
        path = unquote(urlsplit(request.url).path)
        operation = self.find(request.method, path)
        errors = []
        body = request.body or b""
        if operation.request_schema is None:
            if body:
                errors.append("the request has a body; the document gives it none")
        else:
            errors += _errors(operation.request_schema, json.loads(body), "request")
        if 200 <= response.status_code < 300:
            if operation.no_content:
                if response.status_code != 204 or response.content:
                    errors.append(f"the document answers 204 No Content, got {response.status_code} "
                                  f"with {len(response.content)} bytes")
            else:
                errors += _errors(operation.response_schema, response.json(), "response")
        else:
            answer = response.json()
            errors += _errors(ERROR_SCHEMA, answer, "error")
            code = answer.get("errorCode") if isinstance(answer, dict) else None
            if isinstance(code, int):
                if code // 100 != response.status_code:
                    errors.append(f"errorCode {code} does not go with HTTP {response.status_code}")
                if code not in operation.error_codes | GENERAL_ERROR_CODES:
                    errors.append(f"errorCode {code} is not documented for {operation.title!r}")
        if errors:
            raise ContractViolation(f"{operation.title}: " + "; ".join(errors))
        self.checked.add(operation.title)
        return operation.title


def _errors(schema, value, what):
    return [f"{what} {'/'.join(map(str, error.path))}: {error.message}"
            for error in jsonschema.Draft202012Validator(schema).iter_errors(value)]

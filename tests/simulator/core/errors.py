"""Error bodies in the shape the Sinch APIs answer (google.rpc.Status style)."""

STATUS_BY_CODE = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    501: "NOT_IMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}


class ApiError(Exception):
    """An error answer: raise it from a handler and the server sends it."""

    def __init__(self, code, message, details=None, headers=None, status=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers or {}
        self.status = status or STATUS_BY_CODE.get(code, "UNKNOWN")

    def body(self):
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "status": self.status,
                "details": self.details,
            }
        }

    def flat_body(self):
        """The flat ErrorResponse of imported-numbers-hosting-orders.yaml: the code is a string."""
        return {"code": str(self.code), "message": self.message, "status": self.status}


def invalid_argument(violations):
    """400 with one BadRequest detail; violations is a list of (field, description)."""
    field_violations = [{"field": field, "description": text} for field, text in violations]
    message = "; ".join(f"{field}: {text}" for field, text in violations)
    return ApiError(400, message, [{"type": "BadRequest", "fieldViolations": field_violations}])


def not_found(resource_type, resource_name, message):
    detail = {
        "type": "ResourceInfo",
        "resourceType": resource_type,
        "resourceName": resource_name,
        "owner": "",
        "description": message,
    }
    return ApiError(404, message, [detail])


def existing(value, resource_type, resource_name, message):
    """value, or a 404 naming the resource when it is None (what every lookup answers)."""
    if value is None:
        raise not_found(resource_type, resource_name, message)
    return value


def permission_denied(message):
    """numbers.yaml PermissionDenied: 'improper credentials. Be sure your projectId, username and password are correct.'"""
    return ApiError(403, message)


def unauthenticated(message, headers=None):
    return ApiError(401, message, headers=headers)


def internal(message="Internal error"):
    return ApiError(500, message)


def injected(code, retry_after=None):
    """The answer of an injected fault."""
    headers = {"Retry-After": _seconds(retry_after)} if retry_after is not None else {}
    return ApiError(code, f"Injected fault: HTTP {code}", headers=headers)


def _seconds(value):
    return str(int(value)) if float(value).is_integer() else str(value)

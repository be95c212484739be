"""Error answers of the legacy number administration endpoints.

They use the Sinch REST error shape, {"errorCode": 40300, "message": "...", "reference": "..."},
with the HTTP status being the first three digits of errorCode. The codes and messages of
the number endpoints are those of specs/legacy-number-administration.md. That document lists
no 401 codes; the ones here follow the general Sinch REST error list: 40100 (authorization
header), 40101 (timestamp), 40102 (signature), 40105 (expired), 40108 (credentials).
"""

import uuid

from ..core.errors import ApiError

NAMES = {
    40001: "ParameterValidation",
    40002: "MissingParameter",
    40003: "InvalidRequest",
    40100: "AuthorizationHeader",
    40101: "TimestampHeader",
    40102: "InvalidSignature",
    40105: "Expired",
    40108: "InvalidCredentials",
    40200: "NotEnoughCredit",
    40300: "ForbiddenRequest",
    40301: "InvalidScheme",
    40400: "ResourceNotFound",
    42200: "ApplicationConfiguration",
    50300: "TemporaryDown",
}


class LegacyError(ApiError):
    def __init__(self, error_code, message):
        super().__init__(error_code // 100, message, status=NAMES[error_code])
        self.error_code = error_code
        self.reference = str(uuid.uuid4())

    def body(self):
        return {"errorCode": self.error_code, "message": self.message, "reference": self.reference}


def parameter(message):
    return LegacyError(40001, message)


def missing(message):
    return LegacyError(40002, message)


def invalid(message):
    return LegacyError(40003, message)


def unauthorized(error_code, message):
    return LegacyError(error_code, message)


def not_found(message):
    return LegacyError(40400, message)


def scheme_required(scheme):
    return LegacyError(40301, f"The authorization scheme '{scheme}' is required.")


def not_owner(organisation_id):
    return LegacyError(40300, f"The current user is not the owner of the organisation: {organisation_id}")


def application_not_found(key):
    return LegacyError(40400, f"Application with the key {key} was not found.")


def invalid_number_type(value):
    return LegacyError(40001, f"Invalid number type: {value}.  Type must be one of: sms, voice.")

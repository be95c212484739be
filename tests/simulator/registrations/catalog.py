"""The markets, market versions and policies of the simulated Sender ID Registrations API.

Static data, the same for every project. The spec leaves the content of jsonPolicy free
("Policy section related to ..."); the simulator's templates list fields as
{"name", "required", "pattern"?, "description"}, and registrations are validated against them.
senderIdDetails entries carry the sender ID itself under "senderId" (the name of the list filter).
"""

from dataclasses import dataclass

ALPHANUMERIC = "ALPHANUMERIC_SENDER_ID"
LONG_NUMBER = "LONG_NUMBER"
REGISTRATION_TYPES = (ALPHANUMERIC, LONG_NUMBER)

# Alphanumeric sender IDs: 3 to 11 letters, digits or spaces, at least one letter.
ALPHA_SENDER_PATTERN = r"^(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}$"
E164_PATTERN = r"^\+[1-9][0-9]{6,14}$"

MARKET_NAMES = {
    "AE": {"en": "United Arab Emirates", "es": "Emiratos Árabes Unidos", "sv": "Förenade Arabemiraten"},
    "AU": {"en": "Australia", "es": "Australia", "sv": "Australien"},
    "GB": {"en": "United Kingdom", "es": "Reino Unido", "sv": "Storbritannien"},
    "KW": {"en": "Kuwait", "es": "Kuwait", "sv": "Kuwait"},
    "MK": {"en": "North Macedonia", "es": "Macedonia del Norte", "sv": "Nordmakedonien"},
    "SE": {"en": "Sweden", "es": "Suecia", "sv": "Sverige"},
    "US": {"en": "United States", "es": "Estados Unidos", "sv": "USA"},
}


@dataclass(frozen=True)
class AttachmentDefinition:
    attachment_id: str
    title: str
    description: str
    mandatory: bool
    template: bool

    def to_json(self):
        return {
            "id": self.attachment_id,
            "title": self.title,
            "description": self.description,
            "mandatory": self.mandatory,
            "template": self.template,
        }


@dataclass(frozen=True)
class Policy:
    policy_id: str
    market_code: str
    registration_type: str
    multi_type: str = "SINGLE"
    status: str = "ENABLED"
    disclaimer: str = ""
    price_mode: str = "NONE"
    price: tuple = ("USD", 0, "0", "0")  # currency, frequency, recurrent fee, setup fee
    attachments: tuple = ()
    sender_fields: tuple = ()
    company_fields: tuple = ()
    contact_fields: tuple = ()

    @property
    def mandatory_attachments(self):
        return [item for item in self.attachments if item.mandatory]

    def attachment(self, attachment_id):
        for item in self.attachments:
            if item.attachment_id == attachment_id:
                return item
        return None

    def pricing_json(self):
        currency, frequency, recurrent, setup = self.price
        return {"currency": currency, "frequency": frequency, "recurrentFeeAmount": recurrent, "setupFeeAmount": setup}

    def to_json(self):
        return {
            "attachments": [item.to_json() for item in self.attachments],
            "fees": self.price_mode != "NONE",
            "id": self.policy_id,
            "jsonPolicy": {
                "companyDetailsTemplate": {"fields": [dict(item) for item in self.company_fields]},
                "contactPersonTemplate": {"fields": [dict(item) for item in self.contact_fields]},
                "senderIdTemplate": {"fields": [dict(item) for item in self.sender_fields]},
            },
            "policyMultiType": self.multi_type,
            "policyStatus": self.status,
            "price": {"mode": self.price_mode, "subscription": self.pricing_json()},
            "statusDisclaimer": self.disclaimer,
        }


@dataclass(frozen=True)
class MarketVersion:
    version_id: str
    market_code: str
    registration_type: str
    major: int
    minor: int
    created: str
    # Either a policy id, or (prompt, ((answer, condition), ...)) where a condition is again one of both.
    conditions: object
    status: str = "ACTIVE"


def _field(name, required=True, pattern=None, description=""):
    entry = {"name": name, "required": required, "description": description or name}
    if pattern:
        entry["pattern"] = pattern
    return tuple(entry.items())


ALPHA_SENDER_FIELDS = (
    _field("senderId", pattern=ALPHA_SENDER_PATTERN, description="The alphanumeric sender ID"),
    _field("useCase", description="What the messages sent with this sender ID are about"),
    _field("sampleMessage", required=False, description="An example message"),
)
LONG_NUMBER_FIELDS = (
    _field("senderId", pattern=E164_PATTERN, description="The long number in E.164 format"),
    _field("useCase", description="What the messages sent from this number are about"),
)
COMPANY_FIELDS = (
    _field("companyName", description="Legal name of the brand owner"),
    _field("website", required=False),
)
CONTACT_FIELDS = (
    _field("email", description="Contact person e-mail address"),
    _field("name", required=False),
)

LOA = AttachmentDefinition("att-loa", "Letter of authorization",
                           "Signed by the brand owner when the sender ID is registered by a third party.",
                           mandatory=False, template=True)
AE_TRADE_LICENSE = AttachmentDefinition("att-ae-trade-license", "Trade license",
                                        "Trade license of the brand owner issued in the UAE.",
                                        mandatory=True, template=False)
AE_AUTHORIZATION = AttachmentDefinition("att-ae-authorization", "Sender ID authorization letter",
                                        "Letter on company letterhead authorising Sinch to register the sender ID.",
                                        mandatory=True, template=True)
GCC_LICENSE = AttachmentDefinition("att-ae-gcc-license", "GCC trade license",
                                   "Trade license issued in a GCC country.", mandatory=True, template=False)
MK_THIRD_PARTY = AttachmentDefinition("att-mk-third-party", "Third Party Authority Form",
                                      "This document is required for any Third party registration in MK local.",
                                      mandatory=False, template=True)
POLICIES = {
    policy.policy_id: policy
    for policy in (
        Policy("pol-se-alpha-2", "SE", ALPHANUMERIC, attachments=(LOA,),
               sender_fields=ALPHA_SENDER_FIELDS, company_fields=COMPANY_FIELDS, contact_fields=CONTACT_FIELDS),
        Policy("pol-gb-alpha-1", "GB", ALPHANUMERIC,
               sender_fields=ALPHA_SENDER_FIELDS, company_fields=COMPANY_FIELDS, contact_fields=CONTACT_FIELDS),
        Policy("pol-ae-local-1", "AE", ALPHANUMERIC, price_mode="SUBSCRIBED", price=("USD", 1, "2", "5"),
               attachments=(AE_TRADE_LICENSE, AE_AUTHORIZATION),
               sender_fields=ALPHA_SENDER_FIELDS, company_fields=COMPANY_FIELDS, contact_fields=CONTACT_FIELDS),
        Policy("pol-ae-gcc-1", "AE", ALPHANUMERIC, price_mode="MANUAL", price=("USD", 1, "10", "50"),
               attachments=(GCC_LICENSE,),
               sender_fields=ALPHA_SENDER_FIELDS, company_fields=COMPANY_FIELDS, contact_fields=CONTACT_FIELDS),
        Policy("pol-ae-intl-1", "AE", ALPHANUMERIC, status="DISABLED",
               disclaimer="Policy has been disabled as registrations for international brands are now reviewed manually.",
               sender_fields=ALPHA_SENDER_FIELDS),
        Policy("pol-mk-alpha-1", "MK", ALPHANUMERIC, multi_type="MULTI_SENDER",
               attachments=(MK_THIRD_PARTY,),
               sender_fields=ALPHA_SENDER_FIELDS, company_fields=COMPANY_FIELDS),
        Policy("pol-kw-alpha-1", "KW", ALPHANUMERIC, sender_fields=ALPHA_SENDER_FIELDS),
        Policy("pol-us-long-1", "US", LONG_NUMBER, price_mode="SUBSCRIBED", price=("USD", 1, "1", "0"),
               sender_fields=LONG_NUMBER_FIELDS, company_fields=COMPANY_FIELDS),
        Policy("pol-au-long-1", "AU", LONG_NUMBER, sender_fields=LONG_NUMBER_FIELDS, company_fields=COMPANY_FIELDS),
    )
}

MARKET_VERSIONS = (
    MarketVersion("mv-ae-alpha-1-2", "AE", ALPHANUMERIC, 1, 2, "2024-02-01 09:00:00.000000", (
        "Is this brand registered as a local legal entity in this market?",
        (
            ("Yes", "pol-ae-local-1"),
            ("No", (
                "Does the brand hold a trade license issued in another GCC country?",
                (("Yes", "pol-ae-gcc-1"), ("No", "pol-ae-intl-1")),
            )),
        ),
    )),
    MarketVersion("mv-gb-alpha-1-0", "GB", ALPHANUMERIC, 1, 0, "2023-09-17 06:22:34.372747", "pol-gb-alpha-1"),
    MarketVersion("mv-kw-alpha-1-0", "KW", ALPHANUMERIC, 1, 0, "2023-01-10 12:00:00.000000", "pol-kw-alpha-1",
                  status="DISABLED"),
    MarketVersion("mv-mk-alpha-1-1", "MK", ALPHANUMERIC, 1, 1, "2023-11-05 10:15:00.000000", "pol-mk-alpha-1"),
    MarketVersion("mv-se-alpha-2-1", "SE", ALPHANUMERIC, 2, 1, "2024-05-20 08:30:00.000000", "pol-se-alpha-2"),
    MarketVersion("mv-au-long-1-0", "AU", LONG_NUMBER, 1, 0, "2024-03-03 03:03:03.000000", "pol-au-long-1"),
    MarketVersion("mv-us-long-1-0", "US", LONG_NUMBER, 1, 0, "2024-01-15 15:00:00.000000", "pol-us-long-1"),
)


def market_name(code, language):
    names = MARKET_NAMES.get(code, {})
    return names.get(language) or names.get("en") or code


def active_versions(registration_type):
    """ACTIVE market versions of one registration type, in market code order."""
    return sorted(
        (version for version in MARKET_VERSIONS
         if version.registration_type == registration_type and version.status == "ACTIVE"),
        key=lambda version: version.market_code,
    )


def conditions_json(conditions, active_only):
    """The SpecialCondition of a market version (a prompt with chained answers, or a policy id).

    With active_only, answers leading only to DISABLED policies are left out.
    """
    if isinstance(conditions, str):
        if active_only and POLICIES[conditions].status != "ENABLED":
            return None
        return {"policyId": conditions}
    prompt, answers = conditions
    chained = []
    for answer, condition in answers:
        child = conditions_json(condition, active_only)
        if child is not None:
            chained.append({"answer": answer, **child})
    if not chained:
        return None
    return {"prompt": prompt, "chainedSpecialConditions": chained}


def market_version_json(version, active_only):
    return {
        "createTime": version.created,
        "id": version.version_id,
        "majorVersion": version.major,
        "marketCode": version.market_code,
        "minorVersion": version.minor,
        "registrationType": version.registration_type,
        "specialConditions": conditions_json(version.conditions, active_only) or {},
        "status": version.status,
    }


def template_bytes(policy, definition):
    """The downloadable template of an attachment definition: a small, stable PDF-like file."""
    text = (
        "%PDF-1.4\n"
        f"% Sinch simulator template\n% policy {policy.policy_id}, attachment {definition.attachment_id}\n"
        f"% {definition.title}: {definition.description}\n%%EOF\n"
    )
    return text.encode("utf-8")

"""Available and active numbers, and their JSON (camelCase) representations."""

from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..core.provisioning import DONE, FAILED, ProvisioningJob, should_fail

BILLING_PERIOD_SECONDS = 30 * 24 * 3600
# Voice configuration types and the id field each one uses (per the official SDKs).
VOICE_ID_FIELDS = {"RTC": "appId", "EST": "trunkId", "FAX": "serviceId"}


def iso(timestamp):
    """RFC 3339 UTC timestamp, or None."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def money(currency, amount):
    return {"currencyCode": currency, "amount": amount}


def empty_sms():
    return {"servicePlanId": "", "campaignId": ""}


def voice_config(voice_type="RTC", voice_id=""):
    """A full voice configuration: the id of its type set, the others empty."""
    config = {"type": voice_type, "appId": "", "trunkId": "", "serviceId": ""}
    config[VOICE_ID_FIELDS[voice_type]] = voice_id
    return config


@dataclass
class AvailableNumber:
    phone_number: str
    region_code: str
    number_type: str
    capability: tuple
    currency: str
    setup_price: str
    monthly_price: str
    payment_interval_months: int = 1

    def to_json(self):
        return {
            "phoneNumber": self.phone_number,
            "regionCode": self.region_code,
            "type": self.number_type,
            "capability": list(self.capability),
            "setupPrice": money(self.currency, self.setup_price),
            "monthlyPrice": money(self.currency, self.monthly_price),
            "paymentIntervalMonths": self.payment_interval_months,
            "supportingDocumentationRequired": False,
        }


@dataclass
class ActiveNumber:
    offer: AvailableNumber
    project_id: str
    rented_at: float
    display_name: str = ""
    callback_url: str = ""
    sms: dict = field(default_factory=empty_sms)
    voice: dict = field(default_factory=voice_config)
    voice_updated_at: float | None = None
    sms_job: ProvisioningJob | None = None
    voice_job: ProvisioningJob | None = None
    expire_at: float | None = None

    @property
    def phone_number(self):
        return self.offer.phone_number

    def phone_key(self):
        return self.offer.phone_number

    def display_key(self):
        return [self.display_name, self.offer.phone_number]

    def has_capabilities(self, wanted):
        return all(item in self.offer.capability for item in wanted)

    def schedule_sms(self, target, now, delay):
        """Start provisioning {servicePlanId, campaignId}; a zero delay applies it at once. Returns the job."""
        if self.sms_job is not None:
            self.sms_job.superseded = True
        job = self.sms_job = ProvisioningJob(target, now, delay, should_fail(target["servicePlanId"]))
        self.settle(now)
        return job

    def schedule_voice(self, target, now, delay):
        """Start provisioning a full voice configuration (see voice_config). Returns the job."""
        target_id = target[VOICE_ID_FIELDS[target["type"]]]
        if self.voice_job is not None:
            self.voice_job.superseded = True
        job = self.voice_job = ProvisioningJob(target, now, delay, should_fail(target_id))
        self.settle(now)
        return job

    def settle(self, now):
        """Apply jobs whose time has come; FAILED jobs stay visible."""
        if self.sms_job and self.sms_job.status(now) == DONE:
            self.sms = dict(self.sms_job.target)
            self.sms_job = None
        if self.voice_job and self.voice_job.status(now) == DONE:
            self.voice = dict(self.voice_job.target)
            self.voice_updated_at = self.voice_job.due_at
            self.voice_job = None

    # Unset values (expireAt, the scheduled provisioning objects, voice lastUpdatedTime) are left
    # out, never null: numbers.yaml types them string/object, not nullable.
    def to_json(self, now):
        self.settle(now)
        offer = self.offer
        body = {
            "phoneNumber": offer.phone_number,
            "projectId": self.project_id,
            "displayName": self.display_name,
            "regionCode": offer.region_code,
            "type": offer.number_type,
            "capability": list(offer.capability),
            "money": money(offer.currency, offer.monthly_price),
            "paymentIntervalMonths": offer.payment_interval_months,
            "nextChargeDate": iso(self.next_charge(now)),
            "smsConfiguration": self._sms_json(now),
            "voiceConfiguration": self._voice_json(now),
            "callbackUrl": self.callback_url,
        }
        if self.expire_at is not None:
            body["expireAt"] = iso(self.expire_at)
        return body

    def next_charge(self, now):
        periods = int((now - self.rented_at) // BILLING_PERIOD_SECONDS) + 1
        return self.rented_at + periods * BILLING_PERIOD_SECONDS

    def _sms_json(self, now):
        sms = dict(self.sms)
        if self.sms_job:
            job = self.sms_job
            status = job.status(now)
            sms["scheduledProvisioning"] = {
                "servicePlanId": job.target["servicePlanId"],
                "campaignId": job.target["campaignId"],
                "status": status,
                "lastUpdatedTime": iso(job.status_since(now)),
                "errorCodes": ["SMS_PROVISIONING_FAILED"] if status == FAILED else [],
            }
        return sms

    def _voice_json(self, now):
        voice = dict(self.voice)
        if self.voice_updated_at is not None:
            voice["lastUpdatedTime"] = iso(self.voice_updated_at)
        if self.voice_job:
            job = self.voice_job
            voice["scheduledVoiceProvisioning"] = {**job.target, "status": job.status(now),
                                                   "lastUpdatedTime": iso(job.status_since(now))}
        return voice

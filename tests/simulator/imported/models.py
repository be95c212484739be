"""Imported numbers, hosting orders and qualified numbers, and their JSON representations.

Everything that progresses does so on the clock, evaluated when read (as provisioning.py does):
a hosting order and the checks on a qualified number take the simulator's provisioning delay.

The spec types some enums as integers (format: enum) with no names, or names without integers;
the integers used here, one place for all of them:
- ScheduledProvisioning.status: the protobuf order of the Numbers API names
  (0 PROVISIONING_STATUS_UNSPECIFIED, 1 WAITING, 2 IN_PROGRESS, 3 FAILED); errorCodes likewise
  (2 SMS_PROVISIONING_FAILED, 3 CAMPAIGN_PROVISIONING_FAILED).
- TextEnableInfo.loaType: 0 unspecified (a blanket LOA), 1 Direct, 2 Reseller.
- QualifiedNumber.hostedNumber.status: as its x-enumDescriptions say (1 HOSTED, 2 FAILED).
- osrEligibility.status and ownershipVerification.status have no names in the spec: ours are
  0 unspecified, 1 pending, 2 passed, 3 failed (4 blocked, for ownership).
"""

from dataclasses import dataclass, field

from ..numbers.models import iso
from ..core.provisioning import DONE, FAILED, IN_PROGRESS, WAITING, ProvisioningJob, should_fail

PROVISIONING_STATUS_CODES = {WAITING: 1, IN_PROGRESS: 2, FAILED: 3}
SMS_PROVISIONING_FAILED = 2
CAMPAIGN_PROVISIONING_FAILED = 3
LOA_TYPE_CODES = {"blanket": 0, "direct": 1, "reseller": 2}
# "Defaults to either Sinch NNID or what was originally configured" (TextEnableNumbersRequest.nnid);
# the spec's examples show this one.
SINCH_NNID = "104029"
SERVICE_PROVIDER = "Sinch America Inc."

# Hosting order states (HostingOrder.state) and per-number step states.
SUBMITTED = "SUBMITTED"
WAITING_FOR_LOA_SIGNATURE = "WAITING_FOR_LOA_SIGNATURE"
ORDER_IN_PROGRESS = "IN_PROGRESS"
COMPLETED = "COMPLETED"
REJECTED = "REJECTED"
STEP_UNSPECIFIED = "STATE_UNSPECIFIED"
STEP_WAITING = "WAITING"
STEP_DONE = "DONE"
STEP_FAILED = "FAILED"


@dataclass
class ProjectNumber:
    """A phone number a project holds: imported, or qualified for hosting."""

    phone_number: str
    project_id: str
    region_code: str


# ---------------------------------------------------------------- imported numbers
@dataclass
class ImportedNumber(ProjectNumber):
    display_name: str = ""
    callback_url: str = ""
    service_plan_id: str = ""
    campaign_id: str = ""
    migrate_to_sinch_tmo: bool = False
    sms_job: ProvisioningJob = None

    def linked(self, now):
        """{servicePlanId, campaignId} as they are, or will be once provisioning completes."""
        self.settle(now)
        if self.sms_job and self.sms_job.status(now) != FAILED:
            return dict(self.sms_job.target)
        return {"servicePlanId": self.service_plan_id, "campaignId": self.campaign_id}

    def schedule_link(self, target, now, delay):
        fails = should_fail(target["servicePlanId"]) or should_fail(target["campaignId"])
        self.sms_job = ProvisioningJob(target, now, delay, fails)
        self.settle(now)

    def settle(self, now):
        if self.sms_job and self.sms_job.status(now) == DONE:
            self.service_plan_id = self.sms_job.target["servicePlanId"]
            self.campaign_id = self.sms_job.target["campaignId"]
            self.sms_job = None

    def to_json(self, now):
        self.settle(now)
        sms = {
            "servicePlanId": self.service_plan_id,
            "campaignId": self.campaign_id,
            "migrateToSinchTmo": self.migrate_to_sinch_tmo,
        }
        if self.sms_job:
            job = self.sms_job
            status = job.status(now)
            errors = []
            if status == FAILED:
                errors = [SMS_PROVISIONING_FAILED if should_fail(job.target["servicePlanId"])
                          else CAMPAIGN_PROVISIONING_FAILED]
            # Omitted, not null, when there is none: the spec (OpenAPI 3.0) has no nullable here.
            sms["scheduledProvisioning"] = {
                "servicePlanId": job.target["servicePlanId"],
                "campaignId": job.target["campaignId"],
                "status": PROVISIONING_STATUS_CODES[status],
                "lastUpdatedTime": iso(job.status_since(now)),
                "errorCodes": errors,
            }
        return {
            "phoneNumber": self.phone_number,
            "projectId": self.project_id,
            "regionCode": self.region_code,
            "displayName": self.display_name,
            "smsConfiguration": sms,
            "callbackUrl": self.callback_url,
        }


# ---------------------------------------------------------------- hosting orders
@dataclass
class OrderNumber:
    phone_number: str
    osr: bool
    campaign_id: str
    service_plan_id: str
    nnid: str

    def outcome(self, step):
        """How a step ends: the test hook is an id starting with "fail" (see provisioning.py)."""
        if step == "platform":
            return STEP_FAILED if should_fail(self.service_plan_id) else STEP_DONE
        if step == "campaign":
            if not self.campaign_id:
                return STEP_UNSPECIFIED
            return STEP_FAILED if should_fail(self.campaign_id) else STEP_DONE
        return STEP_DONE if self.osr else STEP_UNSPECIFIED

    def step_state(self, step, final):
        outcome = self.outcome(step)
        if outcome == STEP_UNSPECIFIED or final:
            return outcome
        return STEP_WAITING


@dataclass
class HostingOrder:
    order_id: str
    project_id: str
    kind: str  # import, text_enable, text_enable_toll_free
    display_name: str
    region_code: str
    service_plan_id: str
    campaign_id: str
    callback_url: str
    migrate_to_sinch_tmo: bool
    created_at: float
    delay: float
    numbers: list
    loa_type: str = None
    loa: dict = None
    nnid: str = ""
    scheduled_osr_update_time: str = None
    # qualified numbers whose text enablement this order is (qualifiedNumbers:textEnable*)
    from_qualified: bool = False
    applied: bool = field(default=False)

    @property
    def api_type(self):
        return "IMPORT" if self.kind == "import" else "TYPE_TEXT_ENABLE"

    def _phases(self):
        """(state, starts at) in order; an LOA to sign adds a phase."""
        start, delay = self.created_at, self.delay
        if self.loa_type in ("direct", "reseller"):
            return [(SUBMITTED, start), (WAITING_FOR_LOA_SIGNATURE, start + delay / 3),
                    (ORDER_IN_PROGRESS, start + 2 * delay / 3)]
        return [(SUBMITTED, start), (ORDER_IN_PROGRESS, start + delay / 2)]

    def final_state(self):
        provisioned = [number for number in self.numbers if number.outcome("platform") == STEP_DONE]
        return COMPLETED if provisioned else REJECTED

    def state(self, now):
        if now >= self.created_at + self.delay:
            return self.final_state()
        current = SUBMITTED
        for state, starts in self._phases():
            if now >= starts:
                current = state
        return current

    def updated_at(self, now):
        if now >= self.created_at + self.delay:
            return self.created_at + self.delay
        return max(starts for _state, starts in self._phases() if now >= starts)

    def is_final(self, now):
        return self.state(now) in (COMPLETED, REJECTED)

    def to_json(self, now):
        body = {
            "projectId": self.project_id,
            "hostingOrderId": self.order_id,
            "displayName": self.display_name,
            "regionCode": self.region_code,
            "state": self.state(now),
            "type": self.api_type,
            "createdTime": iso(self.created_at),
            "updatedTime": iso(self.updated_at(now)),
            "servicePlanId": self.service_plan_id,
            "campaignId": self.campaign_id,
            "migrateToSinchTmo": self.migrate_to_sinch_tmo,
            "callbackUrl": self.callback_url,
        }
        if self.scheduled_osr_update_time:
            body["scheduledOsrUpdateTime"] = self.scheduled_osr_update_time
        if self.kind != "import":
            body["textEnableInfo"] = self._text_enable_info()
        return body

    def to_import_json(self, now):
        """The answer of :importNumbers (ImportHostingOrder): no textEnableInfo, a numberImport.

        The spec's example shows numberImport as the string '{}', its schema as an object: an object.
        """
        body = self.to_json(now)
        body["numberImport"] = {}
        return body

    def _text_enable_info(self):
        loa = self.loa or {}
        info = {
            "serviceProvider": SERVICE_PROVIDER,
            "nnid": self.nnid or SINCH_NNID,
            "loaType": LOA_TYPE_CODES[self.loa_type],
        }
        for name in ("businessName", "authorisedPerson", "address", "currentVoiceCarrier"):
            if name in loa:
                info[name] = loa[name]
        return info

    def number_json(self, number, now):
        final = self.is_final(now)
        return {
            "projectId": self.project_id,
            "hostingOrderId": self.order_id,
            "phoneNumber": number.phone_number,
            "osrUpdate": {"nnid": number.nnid, "state": number.step_state("osr", final)},
            "campaignProvisioning": {"campaignId": number.campaign_id,
                                     "state": number.step_state("campaign", final)},
            "platformProvisioning": {"servicePlanId": number.service_plan_id,
                                     "state": number.step_state("platform", final)},
        }

    def report(self, now):
        final = self.is_final(now)
        counts = {"osr": 0, "platform": 0, "campaign": 0}
        for number in self.numbers:
            for step in counts:
                if number.step_state(step, final) == STEP_DONE:
                    counts[step] += 1
        return {
            "total": len(self.numbers),
            "osrUpdated": counts["osr"],
            "smsProvisioned": counts["platform"],
            "addedToCampaign": counts["campaign"],
            # The LOA signature is the manual action an order waits for.
            "ongoingManualAction": len(self.numbers) if self.state(now) == WAITING_FOR_LOA_SIGNATURE else 0,
        }


# ---------------------------------------------------------------- qualified numbers
G = "GLOBAL_PROCESS_STATE_"
MAX_WRONG_CODES = 3


@dataclass
class QualifiedNumber(ProjectNumber):
    added_at: float
    delay: float
    updated_at: float = None
    challenge_code: str = None
    wrong_codes: int = 0
    last_code_wrong: bool = False
    verified: bool = False
    hosting_order: HostingOrder = None

    @property
    def eligible(self):
        # Number hosting is available for US and CA (+1) numbers only.
        return self.region_code in ("US", "CA")

    def global_state(self, now):
        if self.hosting_order is not None:
            order = self.hosting_order
            if not order.is_final(now):
                return G + "HOSTING_IN_PROGRESS"
            return G + ("HOSTING_DONE" if self._hosted() else "HOSTING_FAILED")
        if self.verified:
            return G + "VERIFIED"
        if self.wrong_codes >= MAX_WRONG_CODES:
            return G + "VERIFICATION_BLOCKED"
        if self.challenge_code is not None:
            return G + ("VERIFICATION_FAILED" if self.last_code_wrong else "VERIFICATION_PENDING")
        if now < self.added_at + self.delay:
            return G + "ELIGIBLE_CHECK_PENDING"
        return G + ("ELIGIBLE" if self.eligible else "NOT_ELIGIBLE")

    def _hosted(self):
        number = next(item for item in self.hosting_order.numbers if item.phone_number == self.phone_number)
        return number.outcome("platform") == STEP_DONE

    def to_json(self, now):
        state = self.global_state(now)
        checked = now >= self.added_at + self.delay
        return {
            "phoneNumber": self.phone_number,
            "projectId": self.project_id,
            "regionCode": self.region_code,
            "globalProcessState": state,
            "osrEligibility": {
                "status": (2 if self.eligible else 3) if checked else 1,
                "error": "" if self.eligible or not checked else "only US and CA numbers can be hosted on Sinch",
            },
            "ownershipVerification": self._ownership(),
            "hostedNumber": self._hosted_number(state),
            "createdTime": iso(self.added_at),
            "updatedTime": iso(max(self.updated_at or self.added_at, self._last_change(now))),
        }

    def _ownership(self):
        if self.verified:
            return {"status": 2, "error": ""}
        if self.wrong_codes >= MAX_WRONG_CODES:
            return {"status": 4, "error": "too many wrong codes"}
        if self.last_code_wrong:
            return {"status": 3, "error": "the code does not match"}
        return {"status": 1 if self.challenge_code else 0, "error": ""}

    def _hosted_number(self, state):
        if state == G + "HOSTING_DONE":
            return {"status": 1, "error": ""}
        if state == G + "HOSTING_FAILED":
            return {"status": 2, "error": "SMS provisioning failed for service plan %s"
                    % self.hosting_order.service_plan_id}
        return {"status": 0, "error": ""}

    def _last_change(self, now):
        if self.hosting_order is not None and self.hosting_order.is_final(now):
            return self.hosting_order.created_at + self.hosting_order.delay
        if self.hosting_order is None and now >= self.added_at + self.delay and self.challenge_code is None:
            return self.added_at + self.delay
        return self.added_at

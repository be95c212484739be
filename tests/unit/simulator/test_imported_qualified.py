"""The simulator's qualified numbers: eligibility, voice challenges, text enablement."""

from imported_helpers import clock  # noqa: F401  pylint: disable=unused-import
from imported_helpers import error_of
from sim_helpers import BASE

QUALIFIED = f"{BASE}/qualifiedNumbers"
LANDLINE = "+13125550190"


def add(api, *phones):
    response = api.post(f"{QUALIFIED}:addNumbers", json={"phoneNumbers": list(phones)})
    assert response.status_code == 200, response.text
    return response.json()["qualifiedNumbers"]


def state(api, phone=LANDLINE):
    return api.get(f"{QUALIFIED}/{phone}").json()["globalProcessState"].replace("GLOBAL_PROCESS_STATE_", "")


def challenge(api, anon, phone=LANDLINE):
    response = api.post(f"{QUALIFIED}/{phone}:sendVoiceChallenge")
    assert response.status_code == 200, response.text
    return anon.get(f"/_sim/imported/voiceChallenges/{phone}").json()["code"]


def verify(api, code, phone=LANDLINE):
    return api.post(f"{QUALIFIED}/{phone}:verifyVoiceChallenge", json={"code": code})


def test_numbers_are_checked_for_eligibility(api, clock):
    added = add(api, LANDLINE, "+46701234567", "+14165550100")
    assert [number["regionCode"] for number in added] == ["US", "", "CA"]
    assert state(api) == "ELIGIBLE_CHECK_PENDING"
    clock.advance(1.1)
    assert state(api) == "ELIGIBLE"
    swedish = api.get(f"{QUALIFIED}/+46701234567").json()
    assert swedish["globalProcessState"] == "GLOBAL_PROCESS_STATE_NOT_ELIGIBLE"
    assert swedish["osrEligibility"] == {"status": 3, "error": "only US and CA numbers can be hosted on Sinch"}


def test_adding_a_number_twice_answers_it_as_it_is(api):
    first = add(api, LANDLINE)[0]
    assert add(api, LANDLINE)[0]["createdTime"] == first["createdTime"]


def test_a_challenge_needs_an_eligible_number(api, anon):
    add(api, LANDLINE)
    assert api.post(f"{QUALIFIED}/{LANDLINE}:sendVoiceChallenge").status_code == 400
    assert anon.get(f"/_sim/imported/voiceChallenges/{LANDLINE}").status_code == 404


def test_the_code_from_the_call_verifies_the_number(api, anon, clock):
    add(api, LANDLINE)
    clock.advance(1.1)
    code = challenge(api, anon)
    assert len(code) == 4 and code.isdigit()
    assert state(api) == "VERIFICATION_PENDING"
    wrong = verify(api, "not-" + code).json()
    assert wrong["globalProcessState"] == "GLOBAL_PROCESS_STATE_VERIFICATION_FAILED"
    assert wrong["ownershipVerification"]["status"] == 3
    assert verify(api, code).json()["globalProcessState"] == "GLOBAL_PROCESS_STATE_VERIFIED"
    # verifying a verified number changes nothing
    assert verify(api, "0000").json()["globalProcessState"] == "GLOBAL_PROCESS_STATE_VERIFIED"


def test_a_new_challenge_after_a_wrong_code_is_pending_again(api, anon, clock):
    add(api, LANDLINE)
    clock.advance(1.1)
    first = challenge(api, anon)
    verify(api, "x" + first)
    challenge(api, anon)
    assert state(api) == "VERIFICATION_PENDING"


def test_three_wrong_codes_block_the_number(api, anon, clock):
    add(api, LANDLINE)
    clock.advance(1.1)
    code = challenge(api, anon)
    for attempt in range(3):
        verify(api, f"wrong-{attempt}")
    assert state(api) == "VERIFICATION_BLOCKED"
    assert verify(api, code).status_code == 400
    assert api.post(f"{QUALIFIED}/{LANDLINE}:sendVoiceChallenge").status_code == 400


def test_only_verified_numbers_are_text_enabled_and_hosting_completes(api, anon, clock):
    add(api, LANDLINE)
    request = {"regionCode": "US", "numbers": [LANDLINE], "servicePlanId": "plan", "blanketLoaInfo": {}}
    refused = api.post(f"{QUALIFIED}:textEnableNumbers", json=request)
    assert refused.status_code == 400
    assert "only verified numbers" in error_of(refused)["message"]
    clock.advance(1.1)
    verify(api, challenge(api, anon))
    order_id = api.post(f"{QUALIFIED}:textEnableNumbers", json=request).json()["hostingOrderId"]
    assert state(api) == "HOSTING_IN_PROGRESS"
    assert api.get(f"{BASE}/hostingOrders/{order_id}").json()["type"] == "TYPE_TEXT_ENABLE"
    clock.advance(1.1)
    hosted = api.get(f"{QUALIFIED}/{LANDLINE}").json()
    assert hosted["globalProcessState"] == "GLOBAL_PROCESS_STATE_HOSTING_DONE"
    assert hosted["hostedNumber"] == {"status": 1, "error": ""}


def test_a_failed_hosting_can_be_filed_again(api, anon, clock):
    add(api, LANDLINE)
    clock.advance(1.1)
    verify(api, challenge(api, anon))
    request = {"regionCode": "US", "numbers": [LANDLINE], "servicePlanId": "fail-plan", "blanketLoaInfo": {}}
    api.post(f"{QUALIFIED}:textEnableNumbers", json=request)
    clock.advance(1.1)
    assert state(api) == "HOSTING_FAILED"
    assert api.get(f"{QUALIFIED}/{LANDLINE}").json()["hostedNumber"]["status"] == 2
    again = api.post(f"{QUALIFIED}:textEnableNumbers", json=dict(request, servicePlanId="plan"))
    assert again.status_code == 200
    assert state(api) == "HOSTING_IN_PROGRESS"


def test_listing_filters_by_state_and_the_admin_read_is_not_logged(api, anon, sim, clock):
    add(api, LANDLINE, "+13125550191")
    clock.advance(1.1)
    challenge(api, anon)
    pending = api.get(QUALIFIED, params={"states": "GLOBAL_PROCESS_STATE_VERIFICATION_PENDING"}).json()
    assert [number["phoneNumber"] for number in pending["qualifiedNumbers"]] == [LANDLINE]
    assert not [entry for entry in sim.requests() if entry["path"].startswith("/_sim/")]
    assert api.delete(f"{QUALIFIED}/{LANDLINE}").json() == {}
    assert api.get(f"{QUALIFIED}/{LANDLINE}").status_code == 404

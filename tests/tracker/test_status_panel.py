"""After a status change the panel says what was saved and what the clerk can do next; the status form no
longer proposes the status the commitment already has."""

from tests.tracker.test_commitment_status import commitment, follow_up, post  # noqa: F401 (the fixtures)


def selected_status(page):
    form = page[page.index('id="status-wijzigen"'):]
    select = form[form.index('<select name="status"'):form.index("</select>")]
    return [option.split('"')[1] for option in select.split("<option")[1:] if "selected" in option]


def test_marking_voldaan_says_what_was_saved_and_offers_reopening(clerk_client, commitment, follow_up):
    page = post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk).content.decode()
    notice = page[page.index('<div class="notice saved"'):page.index("</div>", page.index('<div class="notice saved"'))]
    assert 'role="status"' in notice and "autofocus" in notice  # htmx focuses it after the swap
    assert "Opgeslagen." in notice and "Kandidaat → <strong>Voldaan</strong>" in notice
    label = "27\u00a0925, nr.\u00a0962 · Stand van zaken Irak"
    assert f'bewijs: <a href="{follow_up.get_absolute_url()}">{label}</a>' in notice
    assert '<a href="#heropenen">Heropenen</a>' in notice and 'href="#status-wijzigen"' in notice
    assert 'id="heropenen"' in page and "<h2>Andere status kiezen</h2>" in page
    assert selected_status(page) == []  # not Voldaan again


def test_an_open_commitment_is_offered_voldaan_and_a_plain_visit_shows_no_notice(clerk_client, commitment):
    page = post(clerk_client, commitment, status="openstaand").content.decode()
    assert "Opgeslagen." in page and "<strong>Openstaand</strong>" in page and 'id="heropenen"' not in page
    assert "<h2>Status wijzigen</h2>" in page and selected_status(page) == ["voldaan"]
    page = clerk_client.get(commitment.get_absolute_url()).content.decode()
    assert "Opgeslagen." not in page and selected_status(page) == ["voldaan"]


def test_a_candidate_is_offered_openstaand_first(clerk_client, commitment):
    page = clerk_client.get(commitment.get_absolute_url()).content.decode()
    assert commitment.status == "kandidaat" and selected_status(page) == ["openstaand"]


def test_a_refused_change_shows_no_notice(clerk_client, commitment):
    response = post(clerk_client, commitment, status="uitgesteld")  # no new due date
    assert response.status_code == 422 and "Opgeslagen." not in response.content.decode()

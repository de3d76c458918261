"""Browsers ask every site for /favicon.ico, without logging in: WhiteNoise answers from webroot/, and each page
links the SVG icon."""

from django.urls import reverse


def test_favicon_ico_is_served_without_a_login(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file's signature


def test_every_page_links_its_svg_icon(clerk_client):
    page = clerk_client.get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    login = clerk_client.get(reverse("login")).content.decode()
    assert 'href="/static/favicon.svg"' in login

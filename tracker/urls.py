"""The tracker's addresses, in Dutch."""

from django.urls import path

import tracker.converters  # noqa: F401  registers <dossier:>, <kamerstuk:>, <token:>, <decision:>

from tracker.views import commitments, documents, dossiers, editing, home, overviews, postponements, review
from tracker.views import learned_model
from tracker.views import set_aside, sources
from tracker.views import search
from tracker.views import api, feeds, following, profile, rappel, register, timelines, tokens

urlpatterns = [
    path("", home.home, name="home"),
    # full-text search
    path("zoeken/", search.search, name="search"),
    # documents
    path("documenten/", documents.document_list, name="documents"),
    path("documenten/upload/", documents.document_upload, name="document_upload"),
    path("documenten/<int:pk>/", documents.document_detail, name="document"),
    path("documenten/<int:pk>/origineel/", documents.document_original, name="document_original"),
    path("documenten/<int:pk>/opnieuw/", documents.document_retry, name="document_retry"),
    path("documenten/<int:pk>/corrigeren/", documents.document_correct, name="document_correct"),
    path("kamerstuk/<kamerstuk:kamerstuk>/", documents.kamerstuk_redirect, name="kamerstuk"),
    # commitments
    path("toezeggingen/", register.commitment_list, name="commitments"),
    path("toezeggingen/export.csv", register.commitment_export_csv, name="commitments_csv"),
    path("toezeggingen/export.xlsx", register.commitment_export_xlsx, name="commitments_xlsx"),
    path("toezeggingen/<int:pk>/", commitments.commitment_detail, name="commitment"),
    path("toezeggingen/<int:pk>/status/", commitments.commitment_status, name="commitment_status"),
    path("overzichtregels/<int:pk>/overnemen/", overviews.take_over_status, name="ministry_report_take_over"),
    path("toezeggingen/<int:pk>/brieven/", commitments.evidence_choices, name="evidence_choices"),
    path("toezeggingen/<int:pk>/bewerken/", editing.commitment_edit, name="commitment_edit"),
    path("toezeggingen/nieuw/", editing.commitment_new, name="commitment_new"),
    path("uitstel/<int:pk>/bevestigen/", postponements.postponement_confirm, name="postponement_confirm"),
    path("uitstel/<int:pk>/negeren/", postponements.postponement_dismiss, name="postponement_dismiss"),
    # the rappel per ministry, and its answer per commitment
    path("rappel/", rappel.rappel_index, name="rappel_index"),
    path("rappel/<slug:slug>/", rappel.rappel_page, name="rappel"),
    path("rappel/<slug:slug>/rappel.docx", rappel.rappel_docx, name="rappel_docx"),
    path("rappel/<slug:slug>/rappel.xlsx", rappel.rappel_xlsx, name="rappel_xlsx"),
    path("rappel/<slug:slug>/<int:pk>/antwoord/", rappel.rappel_answer, name="rappel_answer"),
    # review of detected commitments
    path("beoordelen/", review.review_queue, name="review"),
    path("beoordelen/selectie/", review.review_bulk, name="review_bulk"),
    path("beoordelen/model/", learned_model.learned_model, name="learned_model"),
    path("beoordelen/model/trainen/", learned_model.retrain_now, name="retrain_now"),
    path("beoordelen/<int:pk>/<decision:decision>/", review.review_decide, name="review_decide"),
    # dossiers
    path("dossiers/", dossiers.dossier_list, name="dossiers"),
    path("dossiers/<dossier:key>/", dossiers.dossier_timeline, name="dossier"),
    # timelines per ministry and overall
    path("ministeries/<slug:slug>/", timelines.ministry_timeline, name="ministry"),
    path("tijdlijn/", timelines.overall_timeline, name="timeline"),
    # calendar and news feeds: the token in the URL instead of a login
    path("feeds/", feeds.feeds_page, name="feeds"),
    path("feeds/vernieuwen/", feeds.feeds_renew, name="feeds_renew"),
    path("feeds/intrekken/", feeds.feeds_revoke, name="feeds_revoke"),
    path("feeds/<token:token>/dossiers/<dossier:key>.ics", feeds.dossier_ics, name="dossier_ics"),
    path("feeds/<token:token>/dossiers/<dossier:key>.atom", feeds.dossier_atom, name="dossier_atom"),
    path("feeds/<token:token>/ministeries/<slug:slug>.ics", feeds.ministry_ics, name="ministry_ics"),
    # read-only JSON API: a login or an API token in the Authorization header, made and revoked here
    path("sleutels/", tokens.tokens_page, name="api_tokens"),
    path("sleutels/<int:pk>/intrekken/", tokens.token_revoke, name="api_token_revoke"),
    path("api/dossiers/", api.dossiers, name="api_dossiers"),
    path("api/documenten/", api.documents, name="api_documents"),
    path("api/toezeggingen/", api.commitments, name="api_commitments"),
    # official sources: what came in, followed dossiers
    path("bronnen/", sources.sources_page, name="sources"),
    path("bronnen/ophalen/", sources.sources_sync, name="sources_sync"),
    path("bronnen/opnieuw/", set_aside.retry_set_aside, name="sources_retry"),
    # a user's own e-mail address, dossiers, reminder and password
    path("profiel/", profile.profile, name="profile"),
    path("profiel/e-mail/", profile.profile_email, name="profile_email"),
    path("profiel/herinnering/", profile.profile_remind, name="profile_remind"),
    path("profiel/wachtwoord/", profile.PasswordChange.as_view(), name="password_change"),
    # following dossiers, each user for themselves
    path("bronnen/volgen/", following.dossier_follow, name="dossier_follow"),
    path("bronnen/volgen/<dossier:key>/stoppen/", following.dossier_unfollow, name="dossier_unfollow"),
]

from django.urls import path

from tracker.views import commitments, documents, dossiers, home, review

urlpatterns = [
    path("", home.home, name="home"),
    # documents
    path("documenten/", documents.document_list, name="documents"),
    path("documenten/upload/", documents.document_upload, name="document_upload"),
    path("documenten/<int:pk>/", documents.document_detail, name="document"),
    path("documenten/<int:pk>/origineel/", documents.document_original, name="document_original"),
    path("kamerstuk/<str:kamerstuk>/", documents.kamerstuk_redirect, name="kamerstuk"),
    # commitments
    path("toezeggingen/<int:pk>/", commitments.commitment_detail, name="commitment"),
    path("toezeggingen/<int:pk>/status/", commitments.commitment_status, name="commitment_status"),
    # review of detected commitments
    path("beoordelen/", review.review_queue, name="review"),
    path("beoordelen/selectie/", review.review_bulk, name="review_bulk"),
    path("beoordelen/<int:pk>/<str:decision>/", review.review_decide, name="review_decide"),
    # dossiers
    path("dossiers/", dossiers.dossier_list, name="dossiers"),
    path("dossiers/<str:key>/", dossiers.dossier_timeline, name="dossier"),
]

from django.urls import path

from platform_site.cache import public_page

from . import views

app_name = "matchmaking"

urlpatterns = [
    path("statistics/", public_page(views.statistics), name="statistics"),
    path("member/matches/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("member/matches/<int:pk>/introduce/", views.introduce, name="introduce"),
    path("member/introductions/<int:pk>/answer/", views.answer, name="answer"),
    path("member/introductions/<int:pk>/outcome/", views.outcome, name="outcome"),
    path("member/interest/<str:kind>/<slug:slug>/", views.express_interest, name="interest"),
]

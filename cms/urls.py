from django.urls import path

from platform_site.cache import public_page

from . import views

app_name = "cms"

urlpatterns = [path("", public_page(views.home), name="home")]

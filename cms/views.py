from django.shortcuts import render

from databases import services as database_services


def home(request):
    return render(request, "cms/home.html", database_services.home_context())

from verkosto.registry.routes import detail, lists, maps

app_name = "registry"
urlpatterns = lists.urlpatterns + detail.urlpatterns + maps.urlpatterns

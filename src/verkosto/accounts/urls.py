from django.urls import path

from verkosto.accounts import views, views_tokens

app_name = "accounts"
urlpatterns: list = []

# Personal API tokens.
urlpatterns += [
    path("tokens/", views_tokens.token_list_view, name="tokens"),
    path("tokens/<int:pk>/revoke/", views_tokens.token_revoke_view, name="token-revoke"),
]

# Log in and out, and the workspace switch in the page header.
urlpatterns += [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("workspace/", views.workspace_switch, name="workspace-switch"),
]

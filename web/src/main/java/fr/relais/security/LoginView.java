package fr.relais.security;

import fr.relais.shared.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The login form: hands the credentials to the authentication mechanism, then goes home. */
@Named
@RequestScoped
public class LoginView {
    public static final String PASSWORD_PAGE = "/account/password.xhtml";

    @Inject
    SecurityContext security;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password == null ? "" : password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS
                && request.getAttribute(RelaisAuthentication.LOGIN_REFUSED) == null) {
            // a password an administrator gave opens nothing but its own change; the auditor lands on
            // their own home (search and histories), everyone else on the common one
            external.redirect(external.getRequestContextPath()
                    + (security.isCallerInRole(Role.PASSWORD_CHANGE)
                            ? PASSWORD_PAGE
                            : request.isUserInRole(Role.AUDITOR) ? "/auditor/index.xhtml" : "/index.xhtml"));
        } else {
            ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
            Object retryAfter = request.getAttribute(RelaisAuthentication.RETRY_AFTER);
            String text = retryAfter == null
                    ? bundle.getString("login.failed")
                    : MessageFormat.format(bundle.getString("login.throttled"), retryAfter);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    public void logout() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + RelaisAuthentication.LOGIN_PAGE);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

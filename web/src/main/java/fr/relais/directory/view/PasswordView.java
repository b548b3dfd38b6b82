package fr.relais.directory.view;

import fr.relais.directory.boundary.Accounts;
import fr.relais.security.RelaisAuthentication;
import fr.relais.shared.DomainException;
import fr.relais.shared.view.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Any signed-in user changes their own password; the one an administrator gave must be changed
 * before anything else opens. Every session of the account then ends: the user signs in again.
 */
@Named
@RequestScoped
public class PasswordView {
    @EJB
    Accounts accounts;

    private String current;
    private String next;
    private String confirmation;

    public void change() throws IOException {
        if (next == null || !next.equals(confirmation)) {
            Messages.warn("password.mismatch");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String me = request.getRemoteUser();
        try {
            accounts.changeOwnPassword(me, current, next);
        } catch (DomainException e) {
            Messages.refused(e);
            return;
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + RelaisAuthentication.LOGIN_PAGE + "?changed=true");
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

package fr.relais.directory.view;

import fr.relais.directory.boundary.Accounts;
import fr.relais.directory.boundary.Directory;
import fr.relais.directory.entity.Unit;
import fr.relais.shared.DomainException;
import fr.relais.shared.Platform;
import fr.relais.shared.Role;
import fr.relais.shared.view.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The administrator's accounts screen: the list, a form to create or edit one (roles and scope),
 * disable and re-enable, reset a password. A temporary password is shown once, on this screen only.
 */
@Named
@ViewScoped
public class AccountsView implements Serializable {
    @EJB
    Accounts accounts;

    @EJB
    Directory directory;

    private List<Accounts.Account> list;
    private List<Accounts.Account> filtered;
    private List<Unit> units;
    private String editing;
    private String username;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private Platform platform;
    private String unitCode;
    private String issuedFor;
    private String temporaryPassword;

    @PostConstruct
    void init() {
        load();
        units = directory.units().stream()
                .sorted(Comparator.comparing(Unit::code))
                .toList();
    }

    void load() {
        list = accounts.list();
        filtered = null;
    }

    public void edit(String name) {
        list.stream().filter(a -> a.username().equals(name)).findFirst().ifPresent(a -> {
            editing = a.username();
            username = a.username();
            displayName = a.displayName();
            roles = new ArrayList<>(new TreeSet<>(a.roles()));
            platform = a.platform();
            unitCode = a.unitCode();
        });
        forget();
    }

    public void save() {
        forget();
        try {
            Accounts.Profile profile = new Accounts.Profile(displayName, Set.copyOf(roles), platform, unitCode);
            if (editing == null) {
                Accounts.Issued issued = accounts.create(username, profile);
                show(issued);
                Messages.info("accounts.created");
            } else {
                accounts.update(editing, profile);
                Messages.info("accounts.saved");
            }
            clear();
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void disable(String name) {
        forget();
        try {
            accounts.disable(name);
            Messages.info("accounts.disabled");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void enable(String name) {
        forget();
        try {
            accounts.enable(name);
            Messages.info("accounts.enabled");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void reset(String name) {
        forget();
        try {
            show(accounts.resetPassword(name));
            Messages.info("accounts.resetDone");
        } catch (DomainException e) {
            Messages.refused(e);
        }
        load();
    }

    public void clear() {
        editing = null;
        username = null;
        displayName = null;
        roles = new ArrayList<>();
        platform = null;
        unitCode = null;
    }

    private void show(Accounts.Issued issued) {
        issuedFor = issued.account().username();
        temporaryPassword = issued.temporaryPassword();
    }

    private void forget() {
        issuedFor = null;
        temporaryPassword = null;
    }

    public List<Accounts.Account> getList() {
        return list;
    }

    public List<Accounts.Account> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<Accounts.Account> filtered) {
        this.filtered = filtered;
    }

    public List<Unit> getUnits() {
        return units;
    }

    public List<String> getAllRoles() {
        return List.of(Role.OPERATOR, Role.PSYCHOLOGIST, Role.SUPERVISOR, Role.UNIT_AGENT, Role.AUDITOR, Role.ADMIN);
    }

    public Platform[] getPlatforms() {
        return Platform.values();
    }

    public String getEditing() {
        return editing;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public Platform getPlatform() {
        return platform;
    }

    public void setPlatform(Platform platform) {
        this.platform = platform;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode;
    }

    public String getIssuedFor() {
        return issuedFor;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }
}

package org.charterledger.query.pages;

import org.charterledger.query.audit.AuditController;
import org.charterledger.query.audit.RebuildController;
import org.charterledger.query.audit.Rebuilds;
import org.charterledger.query.config.LedgerPosition;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's pages: the chain's digest to file, the verification of a digest filed earlier, how far the views
 * are behind the record, and a rebuild of every view with its checksums before and after. These stay answerable
 * while a rebuild runs.
 */
@Controller
class AuditPages {

    private final AuditController audit;
    private final RebuildController rebuilds;
    private final Rebuilds rebuilding;
    private final LedgerPosition position;

    AuditPages(AuditController audit, RebuildController rebuilds, Rebuilds rebuilding, LedgerPosition position) {
        this.audit = audit;
        this.rebuilds = rebuilds;
        this.rebuilding = rebuilding;
        this.position = position;
    }

    /** How far the views are behind the record: the newest event, the position every view reflects, and the lag. */
    record Progress(long head, long current, long settled, long lag, boolean rebuilding) {
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("digest", audit.digest());
        model.addAttribute("progress", progress());
        return "pages/audit";
    }

    @GetMapping("/audit/verification")
    String verification(@RequestParam long position, @RequestParam String digest, Model model) {
        model.addAttribute("answer", audit.verify(position, digest.strip()));
        model.addAttribute("digest", audit.digest());
        model.addAttribute("progress", progress());
        return "pages/audit";
    }

    /** For an auditor or the Secretariat (the security configuration asks for the role): start a rebuild. */
    @GetMapping("/audit/rebuild")
    String rebuild(Model model) {
        model.addAttribute("progress", progress());
        return "pages/rebuild";
    }

    /**
     * The rebuild page's form: starts a rebuild as the signed-in auditor and shows its progress. The browser sends
     * the user's credentials by itself, so a form posted from another site is refused (Sec-Fetch-Site).
     */
    @PostMapping("/audit/rebuilds")
    String start(Authentication user, @RequestHeader(name = "Sec-Fetch-Site", required = false) String site) {
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new PageErrors.Refused(HttpStatus.FORBIDDEN, "a rebuild is started from the ledger's own rebuild"
                    + " page, not from another site's form", "Sec-Fetch-Site");
        }
        return "redirect:/audit/rebuilds/" + rebuilding.start(user.getName()).id();
    }

    @GetMapping("/audit/rebuilds/{id}")
    String rebuild(@PathVariable String id, Model model) {
        model.addAttribute("rebuild", rebuilds.rebuild(id));
        model.addAttribute("progress", progress());
        return "pages/rebuild";
    }

    private Progress progress() {
        long head = position.head();
        long current = position.current();
        return new Progress(head, current, position.settled(), Math.max(0, head - current), position.rebuilding());
    }
}

package org.charterledger.command.voting;

import org.charterledger.command.Rejection;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round of ballots refused because some of them are: none is recorded, and each refused ballot is named with its
 * position in the request, its member and the rule that refused it ({@code refusals}). 409 when every refusal is a
 * conflict with the record (a member who already voted), else 422.
 */
public class BallotsRefused extends Rejection {

    /** The ballot at {@code index} of the request, and why it is refused. */
    public record Refused(int index, MemberId member, MotionRefused refusal) {
    }

    private final List<Refused> refusals;

    BallotsRefused(MotionId motion, int ballots, List<Refused> refusals) {
        super(refusals.stream().allMatch(r -> r.refusal().reason() == Reason.CONFLICT) ? Reason.CONFLICT : Reason.RULE,
                "ballots-refused", "ballots[" + refusals.get(0).index() + "]." + refusals.get(0).refusal().field(),
                refusals.get(0).refusal().rule(), refusals.get(0).refusal().article(),
                refusals.size() + " of " + ballots + " ballots on " + motion + " refused; none was recorded: "
                        + refusals.get(0).refusal().getMessage() + (refusals.size() > 1 ? ", and more" : ""));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refused> refusals() {
        return refusals;
    }

    /** Each refused ballot as the problem lists it. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("refusals", refusals.stream().map(r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", r.index());
            line.put("member", r.member().value());
            line.put("field", "ballots[" + r.index() + "]." + r.refusal().field());
            line.put("rule", r.refusal().rule());
            if (r.refusal().article() != null) {
                line.put("article", r.refusal().article());
            }
            line.put("detail", r.refusal().getMessage());
            return line;
        }).toList());
    }
}

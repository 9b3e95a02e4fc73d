package org.charterledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;

/**
 * Revision 1 of {@link SubcommitteeEstablished}, {@link CoordinatorAppointed} and {@link SubcommitteeAbolished} took the deciding body's reference
 * as words ({@code decidedBy}), naming no motion. Revision 2 names the motion; an earlier record keeps its words,
 * unchanged, as {@code reference}, and names no motion (it cited none).
 */
public class DecisionReferenceUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(SubcommitteeEstablished.class.getName(),
            CoordinatorAppointed.class.getName(), SubcommitteeAbolished.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, json -> {
                    ObjectNode payload = (ObjectNode) json;
                    JsonNode words = payload.remove("decidedBy");
                    payload.putNull("decidedBy");
                    payload.set("reference", words == null ? payload.nullNode() : words);
                    return payload;
                });
    }
}

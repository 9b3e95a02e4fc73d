package org.charterledger.proof;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An event row as the ledger stores it, every column that makes it the record: its position, aggregate, sequence,
 * aggregate type, payload type and revision, payload and metadata bytes, and recording time. {@link #encode()} is the
 * one canonical encoding of a row, hashed by the audit chain and by the Merkle tree alike; a certificate carries rows
 * in this shape so that anyone can hash them again.
 */
public record StoredRow(long position, String aggregate, long sequence, String aggregateType, String payloadType,
                        String payloadRevision, byte[] payload, byte[] metadata, String timestamp) {

    /** The canonical encoding: each field length-prefixed (-1 for none), numbers as 8 bytes, big-endian. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + length(payload) + length(metadata));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(position);
            text(out, aggregate);
            out.writeLong(sequence);
            text(out, aggregateType);
            text(out, payloadType);
            text(out, payloadRevision);
            data(out, payload);
            data(out, metadata);
            text(out, timestamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The row's leaf in the Merkle tree: SHA-256(0x00 || canonical encoding). */
    public byte[] leafHash() {
        return TreeHash.leaf(encode());
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        data(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void data(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredRow row && Arrays.equals(encode(), row.encode());
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, aggregate, sequence);
    }

    @Override
    public String toString() {
        return "StoredRow[position=" + position + ", aggregate=" + aggregate + ", sequence=" + sequence
                + ", payloadType=" + payloadType + "]";
    }
}

package io.feedlens.lineage.store;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.feedlens.lineage.FeatureStatus;
import io.feedlens.lineage.RecordCoordinates;
import io.feedlens.lineage.model.DerivedFrom;
import io.feedlens.lineage.model.Used;

/**
 * A record's edges (a decision's used list, a feature's parents) packed into one binary column of its own row, which
 * is how a trace reads them: one row per record instead of one per edge (decision 11, "Speed and size"). Names and
 * coordinates are stored as the index's numbers. Layout: a count, then per entry a byte of which fields follow and
 * the fields, all through {@link DataOutputStream}.
 */
final class EdgeCodec {

    private static final int VIEW = 1;
    private static final int VERSION = 1 << 1;
    private static final int FEATURE_ID = 1 << 2;
    private static final int REF = 1 << 3;
    private static final int VALUE = 1 << 4;
    private static final int AS_OF = 1 << 5;
    private static final int STATUS = 1 << 6;

    /** Looks up or assigns a number; may write to the database. */
    interface Numbering<T> {
        long of(T thing) throws SQLException;
    }

    private EdgeCodec() {
    }

    static byte[] used(List<Used> inputs, Numbering<String> views, Numbering<RecordCoordinates> keys) throws SQLException {
        if (inputs.isEmpty()) {
            return null;
        }
        Packed bytes = new Packed(32 * inputs.size());
        try (DataOutputStream out = new DataOutputStream(bytes.stream())) {
            out.writeShort(inputs.size());
            for (Used input : inputs) {
                out.writeByte(fields(input));
                if (input.featureView() != null) {
                    out.writeInt((int) views.of(input.featureView()));
                }
                if (input.version() != null) {
                    out.writeInt(input.version());
                }
                if (input.featureId() != null) {
                    out.writeUTF(input.featureId());
                }
                if (input.ref() != null) {
                    out.writeLong(keys.of(input.ref()));
                }
                if (input.loggedValue() != null) {
                    out.writeDouble(input.loggedValue());
                }
                if (input.asOf() != null) {
                    out.writeLong(input.asOf().toEpochMilli());
                }
                if (input.status() != null) {
                    out.writeByte(input.status().ordinal());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int fields(Used input) {
        return (input.featureView() != null ? VIEW : 0) | (input.version() != null ? VERSION : 0)
                | (input.featureId() != null ? FEATURE_ID : 0) | (input.ref() != null ? REF : 0)
                | (input.loggedValue() != null ? VALUE : 0) | (input.asOf() != null ? AS_OF : 0) | (input.status() != null ? STATUS : 0);
    }

    static List<Used> used(byte[] packed, NameTable names, NameTable topics) {
        List<Used> inputs = new ArrayList<>();
        if (packed == null) {
            return inputs;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int count = in.readShort();
            for (int i = 0; i < count; i++) {
                int fields = in.readByte();
                String view = (fields & VIEW) != 0 ? names.nameOf(in.readInt()) : null;
                Integer version = (fields & VERSION) != 0 ? in.readInt() : null;
                String featureId = (fields & FEATURE_ID) != 0 ? in.readUTF() : null;
                RecordCoordinates ref = (fields & REF) != 0 ? RecordKeys.coordinates(in.readLong(), topics) : null;
                Double value = (fields & VALUE) != 0 ? in.readDouble() : null;
                Instant asOf = (fields & AS_OF) != 0 ? Instant.ofEpochMilli(in.readLong()) : null;
                FeatureStatus status = (fields & STATUS) != 0 ? FeatureStatus.values()[in.readByte()] : null;
                inputs.add(new Used(view, version, featureId, ref, value, asOf, status));
            }
        } catch (IOException e) {
            throw LineageStoreException.damaged("A decision's used list", e);
        }
        return inputs;
    }

    static byte[] parents(List<DerivedFrom> parents, Numbering<RecordCoordinates> keys) throws SQLException {
        if (parents.isEmpty()) {
            return null;
        }
        Packed bytes = new Packed(24 * parents.size());
        try (DataOutputStream out = new DataOutputStream(bytes.stream())) {
            out.writeShort(parents.size());
            for (DerivedFrom parent : parents) {
                out.writeByte(parent.kind().ordinal());
                if (parent.kind() == DerivedFrom.Kind.BY_ID) {
                    out.writeUTF(parent.id());
                } else {
                    out.writeLong(keys.of(parent.start()));
                }
                if (parent.kind() == DerivedFrom.Kind.WINDOW) {
                    out.writeLong(parent.to());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<DerivedFrom> parents(byte[] packed, NameTable topics) {
        List<DerivedFrom> parents = new ArrayList<>();
        if (packed == null) {
            return parents;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(packed))) {
            int count = in.readShort();
            for (int i = 0; i < count; i++) {
                DerivedFrom.Kind kind = DerivedFrom.Kind.values()[in.readByte()];
                if (kind == DerivedFrom.Kind.BY_ID) {
                    parents.add(DerivedFrom.byId(in.readUTF()));
                    continue;
                }
                RecordCoordinates start = RecordKeys.coordinates(in.readLong(), topics);
                parents.add(kind == DerivedFrom.Kind.WINDOW
                        ? DerivedFrom.window(start.topic(), start.partition(), start.offset(), in.readLong()) : DerivedFrom.at(start));
            }
        } catch (IOException e) {
            throw LineageStoreException.damaged("A feature's list of parents", e);
        }
        return parents;
    }
}

package dev.quorumbench.node;

/** The size limits on a memory's fields; the same for client writes and for rows pushed by peers. */
final class FieldLimits {
    static final int NAMESPACE_CHARS = 128;
    static final int TITLE_CHARS = 512;
    static final int CONTENT_CHARS = 65_536;
    static final int TAGS = 32;
    static final int TAG_CHARS = 64;
    static final int SOURCE_CHARS = 256;
    static final int METADATA_BYTES = 16 * 1024;
    static final int PRIORITY_MIN = 1;
    static final int PRIORITY_MAX = 10;

    private FieldLimits() {
    }
}

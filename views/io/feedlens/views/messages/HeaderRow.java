package io.feedlens.views.messages;

/** One header in the record detail: its name, its value as text (or hex when not printable), and which of the two. */
public record HeaderRow(String name, String value, boolean printable) {
}

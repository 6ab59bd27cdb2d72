package io.feedlens.app.search;

/**
 * A filter that cannot run, said before any scan starts: the message points at the place in the expression
 * ({@code line}/{@code column}, 1-based; 0 when unknown) and shows it with a caret.
 */
public final class FilterProblem extends Exception {

    private final int line;
    private final int column;

    public FilterProblem(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

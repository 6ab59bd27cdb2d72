package io.feedlens.app.demo;

/**
 * What the live demo feed has done so far, for a status bar. A snapshot: it does not change after it is taken.
 *
 * @param scorerBehind whether the fraud scorer is pausing right now (its lag grows)
 * @param scorerPauses how many times the scorer has fallen behind so far
 */
public record LiveFeedStats(long paymentsProduced, long featuresProduced, long decisionsProduced, boolean scorerBehind,
                            long scorerPauses) {
}

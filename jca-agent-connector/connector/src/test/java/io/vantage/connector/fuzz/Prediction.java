package io.vantage.connector.fuzz;

import java.util.List;
import java.util.Set;

import io.vantage.protocol.ErrorCode;

/**
 * What the server may say to one hostile byte stream, as {@link AnswerOracle} works it out.
 *
 * @param closingCodes      the closing errors the server may end the conversation with
 * @param batchAnswers      the answers to the stream's batches, in order; the server may send a prefix of them when
 *                          it closes early
 * @param pongs             the nonces of the PONGs owed, in order; again a prefix when it closes early
 * @param welcomePossible   whether the stream starts with a HELLO the listener admits
 * @param idleMeansComplete whether the stream, sent at once, holds nothing the server must refuse: then an
 *                          IDLE_TIMEOUT may only come after every answer above
 */
public record Prediction(Set<ErrorCode> closingCodes, List<BatchAnswer> batchAnswers, List<Long> pongs,
                         boolean welcomePossible, boolean idleMeansComplete) {

    /**
     * The answer owed to one batch.
     *
     * @param sequence the batch's sequence
     * @param rejected BATCH_REJECTED (its metric names are not allowed) rather than ACK
     */
    public record BatchAnswer(long sequence, boolean rejected) {
    }
}

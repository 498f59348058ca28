package se.trygghetsnav.followup.planprojection.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Splits a batch-mode message into one message per record, each with that record's own headers, so that the
 * per-record reading (CloudEvent headers, {@code EventDispatcher}) serves batch consumers too.
 */
final class KafkaBatches {

    private KafkaBatches() {
    }

    @SuppressWarnings("unchecked")
    static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        // The binder's batch converter maps each record's headers (the CloudEvent ce_* ones among them) here.
        List<Map<String, Object>> converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            records.add(MessageBuilder.withPayload(payloads.get(index)).copyHeaders(converted.get(index)).build());
        }
        return records;
    }
}

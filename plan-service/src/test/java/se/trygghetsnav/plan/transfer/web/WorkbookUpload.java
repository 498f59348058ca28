package se.trygghetsnav.plan.transfer.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The multipart form a browser sends for a file input named "file": what POST /api/v1/plan-imports reads. */
public final class WorkbookUpload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private WorkbookUpload() {
    }

    public static MultiValueMap<String, Object> of(byte[] file, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
        headers.setContentType(XLSX);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(file, headers));
        return form;
    }
}

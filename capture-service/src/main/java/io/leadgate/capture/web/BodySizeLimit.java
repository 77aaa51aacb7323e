package io.leadgate.capture.web;

import io.leadgate.capture.CaptureProperties;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps request bodies before the JSON parser sees them: a declared Content-Length over the limit is
 * refused without reading, and a chunked body is cut off as soon as it passes the limit, so a huge
 * body costs neither memory nor parsing.
 */
@ControllerAdvice
class BodySizeLimit extends RequestBodyAdviceAdapter {

  private final CaptureProperties properties;

  BodySizeLimit(CaptureProperties properties) {
    this.properties = properties;
  }

  @Override
  public boolean supports(
      MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> type) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage message,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    long limit =
        parameter.hasParameterAnnotation(LargeBody.class)
            ? properties.maxBatchBodySize().toBytes()
            : properties.maxBodySize().toBytes();
    if (message.getHeaders().getContentLength() > limit) {
      throw new PayloadTooLargeException(limit);
    }
    InputStream body = new Limited(message.getBody(), limit);
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return body;
      }

      @Override
      public HttpHeaders getHeaders() {
        return message.getHeaders();
      }
    };
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}

package io.github.linkyj.domoticz;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * JSON shapes of Domoticz responses. Domoticz sends many numbers as strings ({@code "idx" : "2"});
 * Moshi reads a quoted number into a numeric field and a bare number into a string field, so the
 * fields use the type the client needs. An empty list comes as a missing {@code result} key.
 */
final class Dtos {
  private Dtos() {}

  /** The fields every response carries. */
  static class Status {
    String status;
    String title;
    String message;
  }

  static final class Version extends Status {
    String version;
    String hash;
  }

  static final class Login extends Status {
    String user;
    Integer rights;
  }

  static final class CreatedIdx extends Status {
    Long idx;
  }

  static final class Hardware {
    long idx;

    @Json(name = "Name")
    String name;

    @Json(name = "Type")
    int type;
  }

  static final class HardwareList extends Status {
    List<Hardware> result;
  }

  static final class Device {
    long idx;

    @Json(name = "ID")
    String deviceId;

    @Json(name = "Name")
    String name;

    @Json(name = "HardwareID")
    long hardwareId;

    @Json(name = "Type")
    String type;

    @Json(name = "SubType")
    String subType;

    @Json(name = "Data")
    String data;
  }

  static final class DeviceList extends Status {
    List<Device> result;
  }

  static final class GraphRow {
    String d;
    String v;
    String v1;
    String v2;
    String r1;
    String r2;
  }

  static final class Graph extends Status {
    List<GraphRow> result;
  }

  static final class Settings extends Status {
    @Json(name = "ShortLogDays")
    Integer shortLogDays;
  }

  static final class Token {
    @Json(name = "access_token")
    String accessToken;

    @Json(name = "token_type")
    String tokenType;

    @Json(name = "expires_in")
    Long expiresIn;

    String error;

    @Override
    public String toString() {
      return "Token[type=" + tokenType + ", expiresIn=" + expiresIn + ", accessToken=***]";
    }
  }
}

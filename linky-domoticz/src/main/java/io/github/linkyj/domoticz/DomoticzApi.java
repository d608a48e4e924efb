package io.github.linkyj.domoticz;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.QueryMap;

/**
 * Domoticz's single JSON endpoint. The query is built by {@link Command}, which picks the parameter
 * names that the server's version accepts and encodes the values.
 */
interface DomoticzApi {
  @GET("json.htm")
  Call<Dtos.Version> version(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.Status> status(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.CreatedIdx> create(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.HardwareList> hardware(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.DeviceList> devices(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.Graph> graph(@QueryMap(encoded = true) Map<String, String> query);

  @GET("json.htm")
  Call<Dtos.Settings> settings(@QueryMap(encoded = true) Map<String, String> query);
}

import { ApiProperty } from '@nestjs/swagger';

export class JwkDto {
  @ApiProperty({ example: 'mD3j2Xq0bW8n6yTf1vR9sK4uL7pZ5cA2eH0gJ3iN8oQ', description: 'RFC 7638 thumbprint; the `kid` header of tokens it signed' })
  kid!: string;

  @ApiProperty({ example: 'RSA' })
  kty!: string;

  @ApiProperty({ example: 'RS256' })
  alg!: string;

  @ApiProperty({ example: 'sig' })
  use!: string;

  @ApiProperty({ example: 'u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkAFmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwxXFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw' })
  n!: string;

  @ApiProperty({ example: 'AQAB' })
  e!: string;
}

export class JwksDto {
  @ApiProperty({ type: [JwkDto], description: 'Every key that may have signed a live token; the first is the one signing now' })
  keys!: JwkDto[];
}

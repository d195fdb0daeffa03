import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { PairRegistered } from '../../core/protocol/rest.js';
import './pairing.css';

/** The unpaired screen: the code large, a QR code for the operator's phone, the server address. */
export function PairingScreen({ pairing, error }: { pairing: PairRegistered | null; error: string | null }) {
  const [qr, setQr] = useState('');
  const claimUrl = pairing ? `${pairing.serverUrl}/admin/#/screens?code=${pairing.code}` : '';
  useEffect(() => {
    if (!claimUrl) return;
    QRCode.toDataURL(claimUrl, { margin: 1, width: 360 }).then(setQr, () => setQr(''));
  }, [claimUrl]);
  return (
    <div className="hc-pairing">
      <h1>HallCast 屏幕配对</h1>
      {pairing ? (
        <>
          <p className="hc-pairing-hint">请在管理后台“屏幕”页点击“配对新屏幕”，输入下方配对码</p>
          <div className="hc-pairing-code" data-testid="pairing-code">
            {pairing.code}
          </div>
          {qr ? <img className="hc-pairing-qr" src={qr} alt="配对二维码" /> : null}
          <p className="hc-pairing-server">服务器：{pairing.serverUrl}</p>
        </>
      ) : (
        <p className="hc-pairing-hint">正在获取配对码…</p>
      )}
      {error ? <p className="hc-pairing-error">{error}</p> : null}
    </div>
  );
}
